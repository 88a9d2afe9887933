"""Start-up of the PyInstaller one-folder app against the venv app (issue 10), printed as a table.

    .venv/bin/python benchmarks/bundle_start.py [--bundle dist/tmer-desktop] [--build] [--repeat 3]

--build runs scripts/build_bundle.sh first (into the --bundle folder's parent) and times it.

Both apps are started the same way: an empty environment (`env -i` plus HOME, TMPDIR,
QT_QPA_PLATFORM=offscreen, TMER_DATA_DIR, TMER_CACHE_DIR), in a folder outside the checkout.
Each app gets its own fresh cache directory; runs alternate between the two apps, in this order:

  window, cold   `--library EMPTY --view library --screenshot F`: the main window is built,
                 the (empty) library shown, a PNG saved, the process exits. Wall time.
  demo, cold     `--library NEW --demo --view library --screenshot F` with an empty numba
                 cache: the four 45 s demo clips are tagged (numba compiles), PNG, exit.
  window, warm   as above, second start (median of --repeat runs).
  demo, warm     as above with numba's cache from the cold run (the feature cache is emptied
                 before every run, so the audio is really analysed) (median of --repeat runs).
  tmer features  `tmer features CLIP` on one 45 s demo clip, in one process without the worker
                 pool, with its own numba cache: empty (cold), then filled (warm, median): the
                 plainest view of what numba's cache saves.

The venv app (.venv/bin/tmer-desktop) is the baseline measured in the same run; the ratio
column is bundle / venv. Also printed: the bundle's size, the machine's cores and load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_APP = REPO / ".venv" / "bin" / "tmer-desktop"


def clean_env(base: Path, data: Path, cache: Path) -> dict[str, str]:
    home = base / "home"
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "TMPDIR": str(home / "tmp"), "QT_QPA_PLATFORM": "offscreen",
            "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(cache)}


def timed_start(app: Path, base: Path, cache: Path, tag: str, demo: bool) -> float:
    data = base / f"data-{tag}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(cache / "features", ignore_errors=True)
    cmd = [str(app), "--library", str(data), "--view", "library", "--screenshot", str(base / f"{tag}.png")]
    if demo:
        cmd.insert(3, "--demo")
    start = time.perf_counter()
    out = subprocess.run(cmd, env=clean_env(base, data, cache), cwd=base, capture_output=True, text=True,
                         timeout=900)
    elapsed = time.perf_counter() - start
    if out.returncode != 0 or "not fully populated" in out.stderr:
        raise SystemExit(f"{app} {tag} failed ({out.returncode}):\n{out.stderr[-4000:]}")
    if demo:
        import sqlite3

        with sqlite3.connect(data / "library.sqlite3") as db:
            tagged = db.execute("SELECT COUNT(*) FROM predictions WHERE window_id IS NULL").fetchone()[0]
        if tagged < 4:
            raise SystemExit(f"{app} {tag}: only {tagged} demo clips were tagged")
    return elapsed


def timed_features(tmer: Path, base: Path, cache: Path, clip: Path) -> float:
    """`tmer features CLIP`: one process, no worker pool: imports, numba compile or cache load,
    one 45 s clip analysed whole."""
    shutil.rmtree(cache / "features", ignore_errors=True)
    start = time.perf_counter()
    out = subprocess.run([str(tmer), "features", str(clip), "--json"], env=clean_env(base, base / "data-cli", cache),
                         cwd=base, capture_output=True, text=True, timeout=900)
    elapsed = time.perf_counter() - start
    if out.returncode != 0 or '"error": null' not in out.stdout:
        raise SystemExit(f"{tmer} features failed ({out.returncode}):\n{out.stderr[-4000:]}")
    return elapsed


def numba_state(cache: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in (cache / "numba").rglob("*") if p.is_file()}


def demo_clip(app: Path) -> Path:
    """The app's own copy of a demo clip (the bundle's, or the checkout's for the venv app)."""
    inside = app.parent / "_internal" / "resources" / "demo"
    folder = inside if inside.is_dir() else REPO / "resources" / "demo"
    return folder / "demo_wesnoth__sad.ogg"


def measure(apps: dict[str, Path], repeat: int) -> dict[str, dict]:
    """Runs alternate between the apps, so background load hits both alike."""
    bases = {name: Path(tempfile.mkdtemp(prefix=f"tmer-start-{name}-")) for name in apps}
    figures: dict[str, dict] = {name: {} for name in apps}
    try:
        for kind, demo in (("window", False), ("demo", True)):
            for name, app in apps.items():
                figures[name][f"{kind}_cold"] = timed_start(app, bases[name], bases[name] / "cache",
                                                            f"{kind}-cold", demo)
        for name, app in apps.items():
            figures[name]["features_cold"] = timed_features(app.parent / "tmer", bases[name], bases[name] / "cache-cli",
                                                            demo_clip(app))
        after_cold = {name: numba_state(bases[name] / "cache") for name in apps}
        for kind, demo in (("window", False), ("demo", True)):
            runs: dict[str, list[float]] = {name: [] for name in apps}
            for i in range(repeat):
                for name, app in apps.items():
                    runs[name].append(timed_start(app, bases[name], bases[name] / "cache", f"{kind}-warm{i}", demo))
            for name in apps:
                figures[name][f"{kind}_warm"] = statistics.median(runs[name])
                figures[name][f"{kind}_warm_min"] = min(runs[name])
        runs = {name: [] for name in apps}
        for _ in range(repeat):
            for name, app in apps.items():
                runs[name].append(timed_features(app.parent / "tmer", bases[name], bases[name] / "cache-cli",
                                                 demo_clip(app)))
        for name in apps:
            figures[name]["features_warm"] = statistics.median(runs[name])
        for name in apps:
            figures[name]["numba_files"] = sum(1 for _ in (bases[name] / "cache" / "numba").rglob("*.nbc"))
            # Warm runs must load numba's cache, not recompile and rewrite it.
            figures[name]["numba_reused"] = numba_state(bases[name] / "cache") == after_cold[name]
        return figures
    finally:
        for base in bases.values():
            shutil.rmtree(base, ignore_errors=True)


def du_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink() and p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "tmer-desktop",
                        help="the built app folder (default dist/tmer-desktop)")
    parser.add_argument("--build", action="store_true", help="build the bundle first (scripts/build_bundle.sh)")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per figure (median)")
    args = parser.parse_args()

    bundle = args.bundle.resolve()
    build_s = None
    if args.build:
        start = time.perf_counter()
        subprocess.run(["bash", str(REPO / "scripts" / "build_bundle.sh"), str(bundle.parent)], check=True,
                       env=dict(os.environ, PYTHON=sys.executable))
        build_s = time.perf_counter() - start
    exe = bundle / "tmer-desktop"
    if not exe.is_file():
        raise SystemExit(f"no bundle at {bundle}: build it with scripts/build_bundle.sh, or pass --build")

    load_before = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f} (1/5/15 min) before the runs", flush=True)
    print(f"bundle: {bundle}  size {du_bytes(bundle) / 2**20:.0f} MiB" +
          (f", built in {build_s:.0f} s" if build_s is not None else ""), flush=True)
    figures = measure({"venv": VENV_APP, "bundle": exe}, args.repeat)
    venv, frozen = figures["venv"], figures["bundle"]
    load_after = os.getloadavg()

    print(f"\n{'seconds (wall)':<40}{'venv app':>10}{'bundle':>10}{'bundle/venv':>13}")
    rows = [("window shown, cold (1st start)", "window_cold"), ("window shown, warm (median)", "window_warm"),
            ("window shown, warm (fastest)", "window_warm_min"),
            ("demo tagged, cold (empty numba cache)", "demo_cold"), ("demo tagged, warm (median)", "demo_warm"),
            ("demo tagged, warm (fastest)", "demo_warm_min"),
            ("tmer features 1 clip, cold", "features_cold"), ("tmer features 1 clip, warm (median)", "features_warm")]
    for label, key in rows:
        print(f"{label:<40}{venv[key]:>10.1f}{frozen[key]:>10.1f}{frozen[key] / venv[key]:>13.2f}")
    for label, kind in (("demo cold / warm (median)", "demo"), ("tmer features cold / warm (median)", "features")):
        print(f"{label:<40}{venv[f'{kind}_cold'] / venv[f'{kind}_warm']:>10.2f}"
              f"{frozen[f'{kind}_cold'] / frozen[f'{kind}_warm']:>10.2f}")
    print(f"numba cache entries (.nbc) after the cold run: venv {venv['numba_files']}, bundle {frozen['numba_files']}; "
          f"left unchanged by the warm runs: venv {venv['numba_reused']}, bundle {frozen['numba_reused']}")
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
