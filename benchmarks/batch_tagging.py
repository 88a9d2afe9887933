"""Batch tagging throughput, memory and latency (issue 5), printed as a table.

    .venv/bin/python benchmarks/batch_tagging.py [--music DIR] [--limit N] [--copies 100,300]
                                                 [--jobs 1,2] [--window 30] [--hop 5] [--no-librosa]

What is measured, each configuration in a fresh child process with an empty library and an
empty feature cache (numba's compile cache is shared and warmed first, so compilation is not
counted):
- distinct files (the music folder, or its first --limit files), with 1 and 2 workers:
  audio-seconds analysed per wall-second (the x real-time factor), the speed-up of 2 workers
  over 1 (the baseline measured in the same run), time to the first tagged result, and peak
  memory of the runner plus its workers (sum of resident set sizes, sampled every 0.1 s);
- a folder of many paths made by symlinking the music files over and over (--copies): identical
  bytes are analysed once and every other path reuses that analysis, so this measures what
  grows with the folder (scan, hashing, library writes, result rows) and shows whether memory
  stays flat as the folder grows;
- then librosa's default feature set over the same distinct files in coarse windows, with as many
  processes (--no-librosa skips it): the figure users would compare with, printed with the ratio
  and the issue 16 goal (>= 100 x real time on 2 cores).
Level: a batch makes the coarse timeline (--window s windows, one after another: what `tmer tag`
does with --coarse); with --fine the fine one (--window s windows every --hop s, 30 s / 5 s: what every batch
made before the two levels, and what `tmer tag` makes by default). benchmarks/analysis_levels.py
compares the two levels in one run (throughput and agreement).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MUSIC = REPO.parent / "shared" / "music"
AUDIO_SUFFIXES = {".ogg", ".opus", ".mp3", ".wav", ".flac"}
GOAL_X_REALTIME = 100.0  # issue 16: a whole library at >= 100 x real time on 2 cores

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------ memory sampling
def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
                out += kids
                todo += kids
        except OSError:
            continue
    return out


class PeakMemory(threading.Thread):
    """Peak of (this process + all its descendants) resident memory, sampled."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._stop_event.is_set():
            total = _rss_kb(me) + sum(_rss_kb(p) for p in _descendants(me))
            self.peak_kb = max(self.peak_kb, total)
            time.sleep(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak_kb


# ------------------------------------------------------------------------------ one measurement
def measure(paths: list[str], jobs: int, window: float, hop: float, fine: bool = False) -> dict:
    """Runs in a child process whose TMER_DATA_DIR / TMER_CACHE_DIR are fresh."""
    import soundfile as sf

    from tmer_desktop.settings import Settings
    from tmer_desktop.tagging.runner import BatchTagger
    from tmer_desktop.tagging.scan import scan

    audio_seconds = 0.0
    for p in scan(paths).audio:  # every path counts, also links to the same file
        try:
            audio_seconds += sf.info(p).duration
        except Exception:  # unreadable here: the tagger reports it; the total leaves it out
            log.warning("no duration for %s", p, exc_info=True)
    memory = PeakMemory()
    memory.start()
    first = []
    started = time.monotonic()

    labels = {}

    def on_result(result):
        if result.label is not None and not first:
            first.append(time.monotonic() - started)
        labels[result.path] = [result.label, result.decision, result.n_windows]

    tagger = BatchTagger(paths, jobs=jobs, window=window, hop=hop, settings=Settings(), fine=fine)
    summary = tagger.run(on_result=on_result)
    wall = time.monotonic() - started
    peak = memory.stop()
    return {
        "files": summary.total, "tagged": summary.done, "failed": summary.failed, "jobs": jobs,
        "audio_s": audio_seconds, "wall_s": wall, "x_realtime": audio_seconds / wall,
        "first_result_s": first[0] if first else None, "peak_mb": peak / 1024,
        "runner_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "labels": labels,
    }


def _child(paths: list[str], jobs: int, window: float, hop: float, numba_dir: str, fine: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="tmer-bench-") as home:
        env = {**os.environ, "TMER_DATA_DIR": f"{home}/data", "TMER_CACHE_DIR": f"{home}/cache",
               "NUMBA_CACHE_DIR": numba_dir}
        list_file = Path(home) / "paths.json"
        list_file.write_text(json.dumps(paths))
        cmd = [sys.executable, __file__, "--child", str(list_file), "--jobs", str(jobs),
               "--window", str(window), "--hop", str(hop)] + (["--fine"] if fine else [])
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            raise SystemExit(f"benchmark child failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def _librosa_file(path: str) -> float:
    """librosa's default set on each coarse (non-overlapping 30 s) window of one file; its duration."""
    import numpy as np

    # Imported here: the measured child (--child) must not carry the feature modules' memory.
    from features_speed import librosa_defaults

    from tmer_desktop.audio import decode

    y, sr = decode.load(path)
    W = 30 * sr
    starts = list(range(0, max(1, len(y) - W + 1), W)) or [0]
    for s in starts:
        librosa_defaults(np.ascontiguousarray(y[s:s + W]), sr)
    return len(y) / sr


def _librosa_batch(files: list[str], jobs: int) -> dict:
    """librosa's default feature set over the same audio in coarse windows, `jobs` processes: the
    figure users would compare a batch with (issue 16)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    if str(REPO / "benchmarks") not in sys.path:
        sys.path.insert(0, str(REPO / "benchmarks"))
    ctx = get_context("spawn")
    with ctx.Pool(jobs) as pool:
        pool.map(_librosa_file, files[:jobs])  # warm-up: imports and numba compilation, not counted
        started = time.monotonic()
        audio = sum(pool.map(_librosa_file, files, chunksize=1))
        wall = time.monotonic() - started
    return {"audio_s": audio, "wall_s": wall, "x_realtime": audio / wall}


def _symlink_folder(sources: list[Path], count: int, root: Path) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        src = sources[i % len(sources)]
        link = root / f"{i // len(sources):03d}" / src.name
        link.parent.mkdir(exist_ok=True)
        os.symlink(src, link)
        made.append(str(link))
    return [str(root)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--music", default=str(DEFAULT_MUSIC))
    ap.add_argument("--limit", type=int, default=None, help="use only the first N music files")
    ap.add_argument("--shortest", type=int, default=None, help="use only the N shortest music files")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--copies", default="100,300", help="folder sizes for the many-paths test ('' to skip)")
    ap.add_argument("--window", type=float, default=30.0)
    ap.add_argument("--hop", type=float, default=5.0)
    ap.add_argument("--no-librosa", action="store_true", help="skip the librosa-defaults baseline")
    ap.add_argument("--fine", action="store_true",
                    help="make the fine timeline (tmer tag's default), not only the coarse one (tmer tag --coarse)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        paths = json.loads(Path(args.child).read_text())
        print(json.dumps(measure(paths, int(args.jobs), args.window, args.hop, args.fine)))
        return 0

    music = Path(args.music)
    if not music.is_dir():
        print(f"music folder not found: {music}", file=sys.stderr)
        return 2
    files = sorted(p for p in music.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES)
    if args.shortest:
        import soundfile as sf

        files = sorted(sorted(files, key=lambda p: sf.info(str(p)).duration)[: args.shortest])
    files = files[: args.limit]
    load_before = os.getloadavg()
    numba_dir = tempfile.mkdtemp(prefix="tmer-bench-numba-")
    print(f"warming numba's compile cache in {numba_dir} ...", file=sys.stderr)
    _child([str(files[0])], 1, args.window, args.hop, numba_dir, args.fine)

    rows = []
    for jobs in [int(j) for j in args.jobs.split(",") if j]:
        print(f"distinct files: {len(files)} with {jobs} worker(s) ...", file=sys.stderr)
        rows.append(("distinct", _child([str(f) for f in files], jobs, args.window, args.hop, numba_dir, args.fine)))
    with tempfile.TemporaryDirectory(prefix="tmer-bench-links-") as links:
        for count in [int(c) for c in args.copies.split(",") if c]:
            print(f"{count} paths over {len(files)} distinct files ...", file=sys.stderr)
            folder = _symlink_folder(files, count, Path(links) / f"n{count}")
            rows.append((f"{count} paths", _child(folder, max(int(j) for j in args.jobs.split(",")),
                                                  args.window, args.hop, numba_dir, args.fine)))

    librosa = None
    if not args.no_librosa:
        jobs = max(int(j) for j in args.jobs.split(","))
        print(f"librosa's default feature set over the same files with {jobs} process(es) ...", file=sys.stderr)
        librosa = _librosa_batch([str(f) for f in files], jobs)
    base = next((r for kind, r in rows if kind == "distinct" and r["jobs"] == 1), None)
    level = f"fine (window {args.window:g} s, hop {args.hop:g} s)" if args.fine else \
        f"coarse (window {args.window:g} s, hop {args.window:g} s)"
    print(f"\nbatch tagging, {level} timeline, {os.cpu_count()} cores")
    print(f"load average before: {load_before}, after: {os.getloadavg()}")
    print(f"{'set':<12} {'files':>6} {'jobs':>4} {'audio s':>9} {'wall s':>8} {'x real time':>11} "
          f"{'vs 1 job':>8} {'1st result s':>12} {'peak MB':>8} {'runner MB':>9}")
    for kind, r in rows:
        ratio = f"{r['x_realtime'] / base['x_realtime']:.2f}" if base and kind == "distinct" else "-"
        first = f"{r['first_result_s']:.1f}" if r["first_result_s"] is not None else "-"
        print(f"{kind:<12} {r['files']:>6} {r['jobs']:>4} {r['audio_s']:>9.0f} {r['wall_s']:>8.1f} "
              f"{r['x_realtime']:>11.1f} {ratio:>8} {first:>12} {r['peak_mb']:>8.0f} {r['runner_mb']:>9.0f}")
    print("audio s: total duration of all rows' files (links to one file count each time); peak MB: "
          "runner + workers, sampled; runner MB: the runner process alone (what grows with the folder)")
    best = max((r for kind, r in rows if kind == "distinct"), key=lambda r: r["jobs"], default=None)
    if librosa and best:
        print(f"librosa defaults (coarse windows, {best['jobs']} processes, same files): "
              f"{librosa['x_realtime']:.1f} x real time; "
              f"ours / librosa: {best['x_realtime'] / librosa['x_realtime']:.2f}")
    if best:
        print(f"goal (issue 16): >= {GOAL_X_REALTIME:.0f} x real time with 2 workers from an empty cache; "
              f"measured {best['x_realtime']:.1f} x with {best['jobs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
