"""Live analysis latency: from the end of a window (its last sample arriving) to its estimate.

Real music is fed to analysis.live.LiveAnalyser in 50 ms blocks, paced like a microphone (the
machine has no sound card; the capture engine adds one queue hop, well under a millisecond).
For every window the delay from its last block to its probabilities being available is
printed, with the time the same window's 50 features take when computed directly in this
process (the baseline: the work that cannot be avoided) and their ratio.

    .venv/bin/python benchmarks/live_latency.py [--seconds 60] [--hop 5] [--speed 1.0] [--screen] [FILE]

--screen also sends each estimate through the Record view (offscreen Qt: queued signal, then
the timeline redrawn in the GUI thread) and prints the delay until that is done.

--speed 2 feeds twice as fast as real time (a shorter run; the latency is then pessimistic,
since windows complete twice as often). Goal: under 1 s per window.

--background-batch FOLDER measures twice in the same run: first alone (the baseline), then while
`tmer tag FOLDER --jobs N` (N = the cores, the default) runs in the background on a fresh library
and an empty feature cache (started --batch-lead seconds before the feed, so its analysis
processes are at work; stopped at the end). Goal (issue 16): median under 1 s during the batch.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

# ../shared beside the repository (or beside the folder of worktrees)
DEFAULT_FILE = next((p for p in (Path(__file__).resolve().parents[i] / "shared" / "music" / "wesnoth__battle-epic.ogg"
                                 for i in (2, 3)) if p.exists()),
                    Path(__file__).resolve().parents[2] / "shared" / "music" / "wesnoth__battle-epic.ogg")
BLOCK_S = 0.05


@contextlib.contextmanager
def batch_running(folder: Path, lead: float):
    """`tmer tag FOLDER` in a child process (its own library, empty feature cache) for the block."""
    with tempfile.TemporaryDirectory(prefix="tmer-live-batch-") as tmp:
        env = dict(os.environ, TMER_DATA_DIR=str(Path(tmp) / "data"), TMER_CACHE_DIR=str(Path(tmp) / "cache"),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]),
                                                            os.environ.get("PYTHONPATH")])))
        env.setdefault("NUMBA_CACHE_DIR", str(Path.home() / ".cache" / "tmer-desktop" / "numba"))
        batch = subprocess.Popen([sys.executable, "-m", "tmer_desktop.cli", "tag", str(folder), "--out",
                                  str(Path(tmp) / "out.csv")], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
        print(f"background batch: tmer tag {folder} (pid {batch.pid}), {lead:g} s ahead of the feed; "
              f"load {os.getloadavg()[0]:.1f}")
        time.sleep(lead)
        try:
            if batch.poll() is not None:
                raise SystemExit(f"the background batch ended early (exit {batch.returncode})")
            yield batch
            print(f"background batch still running at the end: {batch.poll() is None}; "
                  f"load {os.getloadavg()[0]:.1f}")
        finally:
            if batch.poll() is None:
                os.killpg(batch.pid, signal.SIGTERM)
                batch.wait(30)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--hop", type=float, default=5.0)
    ap.add_argument("--speed", type=float, default=1.0)
    ap.add_argument("--screen", action="store_true")
    ap.add_argument("--background-batch", metavar="FOLDER")
    ap.add_argument("--batch-lead", type=float, default=10.0)
    args = ap.parse_args(argv)
    if args.background_batch:
        folder = Path(args.background_batch)
        if not folder.is_dir():
            ap.error(f"--background-batch {folder}: not a folder")
        rest = [a for a in (argv if argv is not None else sys.argv[1:])
                if a not in (args.background_batch, "--background-batch")]
        quiet = main(rest)
        print("\n=== the same, while a batch runs in the background ===")
        with batch_running(folder, args.batch_lead):
            busy = main(rest)
        return quiet or busy

    from tmer_desktop.analysis.live import LiveAnalyser
    from tmer_desktop.audio.decode import load
    from tmer_desktop.features.extract import extract_features

    y, sr = load(args.file, 0, args.seconds)
    y = y.astype(np.float32)
    print(f"input: {args.file} — {len(y) / sr:.1f} s at {sr} Hz, hop {args.hop:g} s, "
          f"fed in {BLOCK_S * 1000:.0f} ms blocks at {args.speed:g}× real time; {os.cpu_count()} cores")

    shown: dict[float, float] = {}  # window start -> when the Record view had drawn it
    view = app = None
    if args.screen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from tmer_desktop.ui.record_view import RecordView

        app = QApplication.instance() or QApplication([])  # the second measurement reuses it
        view = RecordView()
        view.resize(1100, 700)
        view.show()
        view.windowReady.connect(lambda w: shown.setdefault(w.start, time.monotonic()))
    live = LiveAnalyser(sr, window=30.0, hop=args.hop,
                        on_window=view._windowArrived.emit if view else None)
    block = int(BLOCK_S * sr)

    def feed() -> None:
        t0 = time.monotonic()
        for first in range(0, len(y), block):
            due = t0 + (first + block) / sr / args.speed
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            live.feed(y[first:first + block])

    feeder = threading.Thread(target=feed)
    feeder.start()
    while feeder.is_alive() or not live.wait_idle(0):
        if app is not None:
            app.processEvents()
        time.sleep(0.002)
    for _ in range(50):
        if app is not None:
            app.processEvents()
        time.sleep(0.002)
    windows = sorted(live.windows, key=lambda w: w.start)
    live.close()

    # Baseline in this run: the same windows' features computed directly, one after another.
    W = int(30 * sr)
    extract_features(y[:W].astype(np.float64), sr)  # compiled and warm before timing
    screen_col = f" {'screen s':>9}" if args.screen else ""
    print(f"\n{'window':>12} {'latency s':>10}{screen_col} {'direct s':>9} {'ratio':>6}  estimate")
    lat, base, scr = [], [], []
    for w in windows:
        a = int(round(w.start * sr))
        t = time.perf_counter()
        extract_features(y[a:a + W].astype(np.float64), sr)
        direct = time.perf_counter() - t
        lat.append(w.latency)
        base.append(direct)
        est = f"{w.label} {w.confidence:.0%} ({w.decision})" if w.probs else (w.note or "-")
        cell = ""
        if args.screen:
            on_screen = shown.get(w.start, float("nan")) - w.completed_at
            scr.append(on_screen)
            cell = f" {on_screen:9.3f}"
        print(f"{w.start:5.0f}–{w.start + w.duration:4.0f} s {w.latency:10.3f}{cell} {direct:9.3f} "
              f"{w.latency / direct:6.2f}  {est}")
    if not lat:
        print("no complete window (feed at least 30 s)")
        return 1
    print(f"\nlatency: median {statistics.median(lat):.3f} s, max {max(lat):.3f} s "
          f"over {len(lat)} windows; direct feature time median {statistics.median(base):.3f} s; "
          f"median ratio {statistics.median([a / b for a, b in zip(lat, base)]):.2f}")
    if scr:
        print(f"on screen (Record view drawn): median {statistics.median(scr):.3f} s, max {max(scr):.3f} s")
        lat = scr
    print(f"goal < 1 s: median {'met' if statistics.median(lat) < 1.0 else 'NOT met'}, "
          f"max {'met' if max(lat) < 1.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
