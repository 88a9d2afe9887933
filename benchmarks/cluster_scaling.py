"""Batch tagging on a local Dask cluster against the single-machine pool (issue 18), as a table.

    .venv/bin/python benchmarks/cluster_scaling.py [--music DIR] [--limit N]

In the same run, on the same files (default: the four 45 s demo clips), each configuration
tagging into an empty library with an empty feature cache (numba's compile cache is shared and
warmed first, so compilation is not counted):
- `tmer tag --jobs 1` and `--jobs 2`: the local pool (its start-up is part of each run, as it is
  for a user);
- `tmer tag --scheduler` with 1 and then 2 `dask worker` processes (one thread each) on this
  machine; the workers are started and warmed once (a cluster outlives a batch).
Throughput: audio seconds tagged per wall-clock second. On a real cluster the workers are other
machines; here they share this machine's cores with the runner (and with other work: see the load).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import soundfile as sf

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "resources" / "demo"
SUFFIXES = {".ogg", ".opus", ".mp3", ".wav", ".flac"}


def env(data: Path, numba: Path) -> dict:
    return {**os.environ, "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(data / "cache"),
            "NUMBA_CACHE_DIR": str(numba), "PYTHONPATH": str(REPO)}


def tag(files: list[Path], data: Path, numba: Path, *args: str) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "tag", *map(str, files),
                             "--out", str(data.parent / f"{data.name}.csv"), *args],
                            env=env(data, numba), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"tmer tag {' '.join(args)} failed:\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--music", type=Path, default=DEMO)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    files = sorted(p for p in args.music.iterdir() if p.suffix.lower() in SUFFIXES)[: args.limit]
    audio = sum(sf.info(str(p)).duration for p in files)
    tmp = Path(tempfile.mkdtemp(prefix="tmer-cluster-bench-"))
    numba = tmp / "numba"
    procs: list[subprocess.Popen] = []
    rows = []
    try:
        warm = tmp / "warm.wav"
        sf.write(str(warm), sf.read(str(files[0]), frames=44100 * 5)[0], sf.info(str(files[0])).samplerate)
        tag([warm], tmp / "warm-local", numba)  # compiles numba once, into the shared cache
        for jobs in (1, 2):
            seconds = tag(files, tmp / f"local{jobs}", numba, "--jobs", str(jobs))
            rows.append((f"local pool, --jobs {jobs}", seconds))
        scheduler_file = tmp / "scheduler.json"
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file", str(scheduler_file),
             "--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0"], env=env(tmp / "sched", numba),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        while not scheduler_file.exists():
            time.sleep(0.2)
        time.sleep(0.5)
        address = json.loads(scheduler_file.read_text())["address"]
        for n in (1, 2):
            worker_data = tmp / f"worker{n}"
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
                 "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1"],
                env=env(worker_data, numba), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True))
            from distributed import Client

            with Client(address, timeout=60, set_as_default=False) as client:
                client.wait_for_workers(n, timeout=300)
            # Warm the new worker (model load, first analysis): two different files so both workers get one.
            shutil.copy(warm, tmp / f"warm{n}b.wav")
            tag([warm, tmp / f"warm{n}b.wav"], tmp / f"warm-cluster{n}", numba, "--scheduler", address)
            for stale in worker_data.glob("cache/features"):
                shutil.rmtree(stale)
            seconds = tag(files, tmp / f"cluster{n}", numba, "--scheduler", address)
            rows.append((f"Dask cluster, {n} local worker{'s' if n > 1 else ''}", seconds))
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(60)
        shutil.rmtree(tmp, ignore_errors=True)
    baseline = rows[0][1]
    print(f"{len(files)} files, {audio:.0f} s of audio; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'configuration':<32} {'wall s':>7} {'audio s / s':>11} {'vs --jobs 1':>11}")
    for name, seconds in rows:
        print(f"{name:<32} {seconds:7.1f} {audio / seconds:11.2f} {baseline / seconds:10.2f}x")


if __name__ == "__main__":
    main()
