"""Speed of the MIRtoolbox feature port against a plain librosa-defaults feature set.

Measured side by side in one run, on a real track (default: wesnoth__traveling_minstrels.ogg
from ../shared/music, 44.1 kHz):
  * one 30 s clip: median of several runs, the 50-column extract_features vs. librosa
    (mfcc + chroma_stft + spectral_centroid + rms + zero_crossing_rate + beat tempo, means);
  * the full timeline of the track (30 s windows, hop 5 s): analyse_samples vs. the librosa
    set on every window.
Both wall-clock and CPU (process) time are printed; on a shared machine CPU time is the
steadier figure. Run on one core:  taskset -c 0 .venv/bin/python benchmarks/features_speed.py

--baseline DIR: also time the 50 columns of another checkout of the code (e.g. the main branch
exported with `git archive main | tar -x -C /tmp/base`) on the same clip, in child processes that
alternate with children running this checkout (--rounds each), and print both next to the goal
(issue 16: one 30 s window, 50 columns, one core, <= 0.4 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.features import attack, onsets, rhythm  # noqa: E402
from tmer_desktop.features import extract as ex  # noqa: E402
from tmer_desktop.features.windows import analyse_samples, plan_windows  # noqa: E402

# ../shared beside the checkout (or beside the folder of worktrees)
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
              REPO.parent / "shared")
DEFAULT_TRACK = SHARED / "music" / "wesnoth__traveling_minstrels.ogg"
GOAL_WINDOW_S = 0.4  # issue 16: one 30 s window, 50 columns, one core

# Run in a child with the checkout to time first on sys.path: CPU seconds of each extract_features
# call on the benchmark's clip (after one warm-up call), as JSON.
_CHILD = """
import json, sys, time
import numpy as np
from tmer_desktop.audio import decode
from tmer_desktop.features import extract
y, sr = decode.load(sys.argv[1])
clip = np.ascontiguousarray(y[60 * sr: 90 * sr] if len(y) >= 90 * sr else y[: 30 * sr])
extract.extract_features(clip, sr)
cpu = []
for _ in range(int(sys.argv[2])):
    c0 = time.process_time()
    extract.extract_features(clip, sr)
    cpu.append(time.process_time() - c0)
print(json.dumps(cpu))
"""


def librosa_defaults(y: np.ndarray, sr: int) -> dict[str, float]:
    import librosa

    out = {}
    out.update({f"mfcc_{i}": v for i, v in enumerate(librosa.feature.mfcc(y=y, sr=sr).mean(axis=1))})
    out.update({f"chroma_{i}": v for i, v in enumerate(librosa.feature.chroma_stft(y=y, sr=sr).mean(axis=1))})
    out["centroid"] = float(librosa.feature.spectral_centroid(y=y, sr=sr).mean())
    out["rms"] = float(librosa.feature.rms(y=y).mean())
    out["zcr"] = float(librosa.feature.zero_crossing_rate(y).mean())
    out["tempo"] = float(np.atleast_1d(librosa.beat.beat_track(y=y, sr=sr)[0])[0])
    return out


def _density_and_clarity(y: np.ndarray, sr: int) -> tuple[float, float]:
    env = onsets.spectro_power_envelope(y, sr)  # shared by the two, as in extract_features
    return rhythm.event_density_of(env), rhythm.pulse_clarity_of(env)


def timed(fn, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds over `repeats` runs."""
    walls, cpus = [], []
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def child_clip_times(checkout: Path, track: str, repeats: int) -> list[float]:
    """CPU seconds of `repeats` extract_features calls in a child process running `checkout`'s code."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = subprocess.run([sys.executable, "-c", _CHILD, track, str(repeats)], env=env, cwd=str(checkout),
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def compare_with_baseline(baseline: Path, track: str, rounds: int, repeats: int) -> None:
    """This checkout against `baseline`, children alternating, on the same clip; medians and minima."""
    ours: list[float] = []
    base: list[float] = []
    for _ in range(rounds):
        base += child_clip_times(baseline, track, repeats)
        ours += child_clip_times(REPO, track, repeats)
    print(f"\none 30 s window, 50 columns, CPU s ({rounds} alternating rounds x {repeats} calls, "
          f"load average now {os.getloadavg()[0]:.2f})")
    print(f"  {'':<34} {'median':>7} {'min':>7}")
    print(f"  {'baseline (' + baseline.name + ')':<34} {statistics.median(base):7.3f} {min(base):7.3f}")
    print(f"  {'this checkout':<34} {statistics.median(ours):7.3f} {min(ours):7.3f}")
    print(f"  {'ratio this / baseline':<34} {statistics.median(ours) / statistics.median(base):7.2f} "
          f"{min(ours) / min(base):7.2f}")
    verdict = "met" if statistics.median(ours) <= GOAL_WINDOW_S else "not met"
    print(f"  goal <= {GOAL_WINDOW_S} s per window on one core: {verdict} (median)")


def cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("track", nargs="?", default=str(DEFAULT_TRACK))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--hop", type=float, default=5.0)
    ap.add_argument("--skip-timeline", action="store_true")
    ap.add_argument("--baseline", type=Path, help="another checkout of the code to time on the same clip")
    ap.add_argument("--rounds", type=int, default=3, help="alternating child runs per checkout (--baseline)")
    args = ap.parse_args()
    if args.baseline is not None and not (args.baseline / "tmer_desktop" / "features").is_dir():
        print(f"--baseline {args.baseline}: not a checkout of tmer-desktop (no tmer_desktop/features in it)",
              file=sys.stderr)
        return 2
    if not Path(args.track).is_file():
        print(f"track {args.track}: not found", file=sys.stderr)
        return 2

    y, sr = decode.load(args.track)
    clip = y[60 * sr: 90 * sr] if len(y) >= 90 * sr else y[: 30 * sr]
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores visible, affinity "
          f"{sorted(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"track: {Path(args.track).name}, {len(y) / sr:.1f} s at {sr} Hz; clip 30 s")

    # warm-up: numba compilation / caches, librosa's lazy imports
    ex.extract_features(clip, sr)
    librosa_defaults(clip, sr)

    ours = timed(lambda: ex.extract_features(clip, sr), args.repeats)
    per_fn = {
        "tempo": lambda: rhythm.tempo(clip, sr),
        "event density + pulse clarity": lambda: _density_and_clarity(clip, sr),
        "attack_time": lambda: attack.attack_time(clip, sr),
        "attack_time, float64 FFTs (before)": lambda: attack.attack_phases(clip, sr, precision="double"),
    }
    per_fn = {k: timed(f, args.repeats)[1] for k, f in per_fn.items()}
    with_rhythm = ex.rhythm_features
    ex.rhythm_features = lambda y, sr, *shared: dict.fromkeys(ex.RHYTHM_COLS, ex.NAN)  # 45 columns
    mine = timed(lambda: ex.extract_features(clip, sr), args.repeats)
    base = timed(lambda: librosa_defaults(clip, sr), args.repeats)
    print(f"\none 30 s clip (median of {args.repeats:d})          wall s    CPU s")
    print(f"  ours, 50 columns                    {ours[0]:7.3f}  {ours[1]:7.3f}")
    print(f"  spectral port alone, 45 columns     {mine[0]:7.3f}  {mine[1]:7.3f}")
    print(f"  onset/rhythm functions, CPU s each: "
          f"{', '.join(f'{k} {v:.3f}' for k, v in per_fn.items())}")
    print(f"  librosa defaults set                {base[0]:7.3f}  {base[1]:7.3f}")
    print(f"  ratio ours / librosa (CPU)          {ours[1] / base[1]:7.2f}")

    if not args.skip_timeline:
        spans = plan_windows(len(y), sr, 30.0, args.hop)
        tm = timed(lambda: analyse_samples(y, sr, 30.0, args.hop), 1)  # rhythm still off
        ex.rhythm_features = with_rhythm
        tl = timed(lambda: analyse_samples(y, sr, 30.0, args.hop), 1)

        def librosa_timeline():
            for sp in spans:
                librosa_defaults(y[sp.first: sp.first + sp.length], sr)

        tb = timed(librosa_timeline, 1)
        print(f"\nfull timeline, {len(spans)} windows of 30 s, hop {args.hop:g} s   wall s    CPU s")
        print(f"  ours (shared frame data)            {tl[0]:7.3f}  {tl[1]:7.3f}")
        print(f"  spectral port alone, 45 columns     {tm[0]:7.3f}  {tm[1]:7.3f}")
        print(f"  librosa defaults on every window    {tb[0]:7.3f}  {tb[1]:7.3f}")
        print(f"  ratio ours / librosa (CPU)          {tl[1] / tb[1]:7.2f}")
        print(f"  per window, 50 / 45 columns (CPU)   {tl[1] / len(spans):7.3f}  {tm[1] / len(spans):7.3f}")
    if args.baseline is not None:
        ex.rhythm_features = with_rhythm
        compare_with_baseline(args.baseline, args.track, args.rounds, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
