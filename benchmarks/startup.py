"""Start-up time: from launching `tmer-desktop` to the main window's first paint.

    python benchmarks/startup.py [--runs 7] [--library DIR] [--app dist/tmer-desktop/tmer-desktop]

Baseline, measured in the same run: a bare PySide6 script that imports QtWidgets and paints
one empty QMainWindow (what no Qt app can beat), reported by the same first-paint watcher
(tmer_desktop.ui.first_paint). The first tmer-desktop run after this script starts is
reported separately ("first"): the OS file cache may be cold for our modules then.
The library used is a temporary one with the demo tagged into it unless --library is given,
so the window has real rows to load. Runs offscreen (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_QT = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from tmer_desktop.ui.first_paint import exit_when_shown
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 820)
exit_when_shown(app, window)
"""


def time_to_shown(command: list[str], env: dict[str, str]) -> float:
    """Seconds from process launch to its "shown" line on stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    elapsed = None
    for line in proc.stdout:
        if line.strip() == "shown" and elapsed is None:
            elapsed = time.perf_counter() - start
    proc.wait(timeout=120)
    if elapsed is None:
        raise RuntimeError(f"{command[0]} never reported its first paint (exit code {proc.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--library", help="data directory to open (default: a temporary one with the demo tagged)")
    parser.add_argument("--app", help="executable to measure, e.g. the PyInstaller bundle (default: this venv's app)")
    args = parser.parse_args()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app = [str(Path(args.app).resolve())] if args.app else [sys.executable, "-m", "tmer_desktop.ui.app"]
    with tempfile.TemporaryDirectory() as tmp:
        library = args.library or str(Path(tmp) / "data")
        env["TMER_DATA_DIR"] = library
        if not args.library:
            print("Tagging the demo into a temporary library …", flush=True)
            subprocess.run(app + ["--demo", "--screenshot", str(Path(tmp) / "demo.png")], env=env,
                           check=True, stdout=subprocess.DEVNULL)
        first = time_to_shown(app + ["--exit-when-shown"], env)
        ours, bare = [], []
        for _ in range(args.runs):
            bare.append(time_to_shown([sys.executable, "-c", BARE_QT], env))
            ours.append(time_to_shown(app + ["--exit-when-shown"], env))

    load = os.getloadavg()
    print(f"\nMachine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; Python {platform.python_version()}")
    print(f"bare PySide6 window        median {statistics.median(bare):.2f} s"
          f"  (min {min(bare):.2f}, max {max(bare):.2f})")
    print(f"app: {' '.join(app)}")
    print(f"tmer-desktop, first run    {first:.2f} s")
    print(f"tmer-desktop, warm         median {statistics.median(ours):.2f} s"
          f"  (min {min(ours):.2f}, max {max(ours):.2f})"
          f"  = {statistics.median(ours) / statistics.median(bare):.1f}x the bare window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
