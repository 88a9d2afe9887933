"""Attack time with float32 FFTs (the default) against float64: same attacks on real music?

For every track of ../shared/music (native rate) and every 30 s window starting at
0, 30, 60, 90 s that fits, compares the attack start/end frame times of
attack_phases(precision="double") and (precision="single"), and prints the CPU time of
both paths (the float64 one is the baseline of this run). Exit status 1 if any window
differs.   taskset -c 0 .venv/bin/python benchmarks/attack_precision.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.features.attack import attack_phases  # noqa: E402

MUSIC = REPO.parent / "shared" / "music"
AUDIO_SUFFIXES = {".ogg", ".mp3", ".opus", ".wav", ".flac"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(MUSIC))
    ap.add_argument("--starts", type=float, nargs="+", default=[0.0, 30.0, 60.0, 90.0])
    args = ap.parse_args()

    files = sorted(p for p in Path(args.folder).iterdir() if p.suffix.lower() in AUDIO_SUFFIXES)
    attack_phases(np.random.default_rng(0).standard_normal(44100), 44100)  # numba warm-up
    attack_phases(np.random.default_rng(0).standard_normal(44100), 44100, precision="double")
    windows = differing = attacks = 0
    cpu = {"double": 0.0, "single": 0.0}
    rates: set[int] = set()
    for path in files:
        info = decode.probe(path)
        for start in args.starts:
            if start + 30.0 > info.duration:
                continue
            y, sr = decode.load(path, start=start, duration=30.0)
            res = {}
            for precision in ("double", "single"):
                c0 = time.process_time()
                res[precision] = attack_phases(y, sr, precision=precision)
                cpu[precision] += time.process_time() - c0
            (s64, e64), (s32, e32) = res["double"], res["single"]
            same = np.array_equal(s64, s32) and np.array_equal(e64, e32)
            windows += 1
            attacks += len(s64)
            differing += not same
            rates.add(sr)
            print(f"{path.name:55s} {sr:6d} Hz {start:5.0f}+30 s {len(s64):4d} attacks  "
                  f"{'same' if same else f'DIFFERENT ({len(s32)} attacks in float32)'}", flush=True)
    print(f"\n{windows} windows of {len(files)} files at {sorted(rates)} Hz, {attacks} attacks: "
          f"{differing} window(s) differ")
    if windows:
        print(f"CPU per window: float64 {cpu['double'] / windows * 1e3:.0f} ms (baseline), "
              f"float32 {cpu['single'] / windows * 1e3:.0f} ms "
              f"= {cpu['single'] / cpu['double']:.2f} x baseline")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
