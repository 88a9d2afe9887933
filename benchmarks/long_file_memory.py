"""Peak memory of an analysis process on a 60-minute file: decoded block by block vs whole.

    python benchmarks/long_file_memory.py [--minutes 60] [--formats flac,ogg] [--fine-minutes 10]

The file is real music: the four demo clips (resources/demo, made mono at 44.1 kHz) joined and
looped to `--minutes`, written to a temporary FLAC and Ogg Vorbis (block by block, so this script
stays small too). Each measurement runs in a fresh process and reports its peak RSS
(getrusage ru_maxrss), the figure an analysis process of a batch would reach:

* blocks, coarse: features.windows.analyse_file over the whole file at the coarse level (30 s
  windows one after another, `tmer tag --coarse`): every block of the file decoded and analysed;
* blocks, fine: the same at the fine level (30 s windows every 5 s, where neighbouring windows
  share spectra within a block: the larger block data), over the first `--fine-minutes` (the peak
  is a block's, it does not grow with the blocks that follow; the whole hour would take ~10 min);
* whole (the baseline, what analyse_file did before for files ≤ 10 min and for every file ffmpeg
  reads): the file decoded in one piece (audio.decode.load), then its first four fine windows.

Goal (issue 16): peak RSS ≤ 400 MB per worker on a 60-minute file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 400.0


def make_file(folder: Path, minutes: float, fmt: str) -> Path:
    import numpy as np
    import soundfile as sf
    import soxr

    parts = []
    for clip in sorted((ROOT / "resources" / "demo").glob("*.ogg")):
        y, sr = sf.read(clip, always_2d=True)
        y = y.mean(axis=1)
        parts.append(soxr.resample(y, sr, 44100) if sr != 44100 else y)
    loop = np.concatenate(parts)
    path = folder / f"hour.{fmt}"
    total = int(minutes * 60 * 44100)
    with sf.SoundFile(path, "w", 44100, 1, format={"flac": "FLAC", "ogg": "OGG"}[fmt],
                      subtype={"flac": "PCM_16", "ogg": "VORBIS"}[fmt]) as out:
        written = 0
        while written < total:  # in 10 s pieces: libsndfile's Vorbis encoder crashes on long writes
            at = written % len(loop)
            chunk = loop[at: at + min(10 * 44100, total - written)]
            out.write(chunk)
            written += len(chunk)
    return path


def child(mode: str, path: str, fine_minutes: float) -> dict:
    from tmer_desktop.tagging.worker import _single_threaded_maths

    _single_threaded_maths()
    from tmer_desktop.audio.decode import load, probe
    from tmer_desktop.features import windows
    from tmer_desktop.features.track import first_sample

    started = time.monotonic()
    info = probe(path)
    if mode == "blocks-coarse":
        track = windows.analyse_file(path, 30.0, 30.0, use_cache=False)
        n = len(track.windows)
    elif mode == "blocks-fine":
        only = [first_sample(s) for s in range(0, int(fine_minutes * 60) - 29, 5)]
        n = len(windows.analyse_file(path, 30.0, 5.0, use_cache=False, only=only).windows)
    else:
        y, sr = load(path)
        n = len(windows.analyse_samples(y, sr, 30.0, 5.0, only=[first_sample(s) for s in (0, 5, 10, 15)]))
    return {"mode": mode, "duration": info.duration, "windows": n, "seconds": time.monotonic() - started,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--formats", default="flac,ogg")
    parser.add_argument("--fine-minutes", type=float, default=10.0)
    parser.add_argument("--child")
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.path, args.fine_minutes)))
        return
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = sorted(set(formats) - {"flac", "ogg"})
    if unknown or not formats:
        parser.error(f"--formats: choose among flac, ogg (got {args.formats!r})")
    if not args.minutes >= 1:
        parser.error("--minutes must be at least 1")
    print(f"# {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
          f"load {os.getloadavg()[0]:.1f} · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    with tempfile.TemporaryDirectory(prefix="tmer-long-file-") as tmp:
        for fmt in formats:
            made = time.monotonic()
            path = make_file(Path(tmp), args.minutes, fmt)
            print(f"# {fmt}: {args.minutes:.0f} min, {path.stat().st_size / 1e6:.0f} MB, "
                  f"written in {time.monotonic() - made:.0f} s", flush=True)
            for mode in ("blocks-coarse", "blocks-fine", "whole"):
                out = subprocess.run([sys.executable, __file__, "--child", mode, "--path", str(path),
                                      "--fine-minutes", str(args.fine_minutes)],
                                     capture_output=True, text=True, env=env, check=False)
                if out.returncode != 0:
                    print(f"{fmt:5s} {mode:14s} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
                    continue
                r = json.loads(out.stdout.strip().splitlines()[-1])
                verdict = "meets" if r["peak_mb"] <= GOAL_MB else "misses"
                print(f"{fmt:5s} {mode:14s} peak RSS {r['peak_mb']:7.0f} MB ({verdict} ≤ {GOAL_MB:.0f} MB) · "
                      f"{r['windows']} windows in {r['seconds']:.0f} s · load {os.getloadavg()[0]:.1f}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
