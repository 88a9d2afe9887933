"""What the HTTP API adds to an analysis (issue 18), printed as a table.

    .venv/bin/python benchmarks/api_latency.py [--files A.ogg,B.ogg] [--repeats 3]

In the same run, for each file (default: the four 45 s demo clips):
- baseline: the batch worker's analysis alone (tagging.worker.Analyser.analyse, in this process,
  feature cache off), the median of --repeats runs;
- API, new file: `POST /analyse` to a real `tmer serve` (a fresh data directory, its feature cache
  cleared before each post) -- upload, hashing, the analysis in a worker process, storing it in
  the library, the explanation and the JSON answer;
- API, known file: the same bytes posted again: answered from the library (resume), no analysis.
Also /health's round trip while an analysis runs (the event loop is not blocked).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEMO = sorted((REPO / "resources" / "demo").glob("*.ogg"))


def start_server(data: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(data / "cache"), "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "tmer_desktop.cli", "serve", "--port", "0"], env=env,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    url = None
    for line in proc.stderr:
        if " on http://" in line:
            url = line.split(" on ", 1)[1].split()[0]
            break
    assert url, "the server did not start"
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()  # type: ignore[union-attr]
    while requests.get(f"{url}/health", timeout=5).json()["workers"] != "ready":
        time.sleep(0.5)
    return proc, url


def post(url: str, path: Path) -> float:
    started = time.perf_counter()
    with open(path, "rb") as fh:
        r = requests.post(f"{url}/analyse", files={"file": fh}, timeout=600)
    r.raise_for_status()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", help="comma-separated audio files (default: the demo clips)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    files = [Path(f) for f in args.files.split(",")] if args.files else DEMO
    with tempfile.TemporaryDirectory(prefix="tmer-api-bench-") as tmp:
        data = Path(tmp) / "data"
        os.environ["TMER_DATA_DIR"], os.environ["TMER_CACHE_DIR"] = str(data), str(data / "cache")
        from tmer_desktop.tagging.worker import Analyser, WorkerConfig

        analyser = Analyser(WorkerConfig(use_cache=False))
        analyser.warm_up()
        proc, url = start_server(data)
        health: list[float] = []
        try:
            print(f"{'file':<34} {'audio s':>7} {'analysis s':>10} {'API new s':>9} {'overhead':>8} "
                  f"{'API known s':>11}")
            for path in files:
                base = statistics.median(_timed(lambda p=path: analyser.analyse(str(p), use_cache=False))
                                         for _ in range(args.repeats))
                shutil.rmtree(data / "cache" / "features", ignore_errors=True)
                done = threading.Event()
                poller = threading.Thread(target=_poll_health, args=(url, done, health), daemon=True)
                poller.start()
                new = post(url, path)
                done.set()
                poller.join()
                known = statistics.median(post(url, path) for _ in range(args.repeats))
                duration = analyser.analyse(str(path)).duration or 0.0
                print(f"{path.name[:34]:<34} {duration:7.1f} {base:10.2f} {new:9.2f} {new - base:+8.2f} {known:11.3f}")
        finally:
            proc.terminate()
            proc.wait(60)
    if health:
        print(f"/health while analysing: {len(health)} requests, median {statistics.median(health) * 1000:.0f} ms, "
              f"max {max(health) * 1000:.0f} ms")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (2 cores shared)")


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _poll_health(url: str, done: threading.Event, out: list[float]) -> None:
    while not done.is_set():
        out.append(_timed(lambda: requests.get(f"{url}/health", timeout=30)))
        time.sleep(0.1)


if __name__ == "__main__":
    main()
