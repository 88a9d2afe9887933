"""Speed of the four onset-based columns (event density, pulse clarity, tempo, attack time)
and of the onset curves behind them, on one 30 s clip.

Baseline measured in the same run: one real FFT of the whole clip zero-padded to the next
power of two, which the whole-file spectral features compute anyway; every figure is also
printed as a multiple of it, so runs on differently loaded machines compare.
Median wall-clock and CPU (process) seconds over several runs; on a shared machine CPU
time is the steadier figure. One core:  taskset -c 0 .venv/bin/python benchmarks/rhythm_speed.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from features_speed import timed  # noqa: E402  (the same median wall/CPU timer)

from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.features import attack, onsets, rhythm  # noqa: E402
from tmer_desktop.features.windows import plan_windows  # noqa: E402

DEFAULT_TRACK = REPO.parent / "shared" / "music" / "wesnoth__traveling_minstrels.ogg"


# what extract_features runs: the two power-envelope columns share their envelope
IN_TOTAL = {"event density + pulse clarity, one envelope", "tempo", "attack_time"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("track", nargs="?", default=str(DEFAULT_TRACK))
    ap.add_argument("--start", type=float, default=30.0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--timeline", action="store_true",
                    help="also time attack time over the track's 30 s / 5 s windows, with and "
                         "without the shared frame memo")
    args = ap.parse_args()

    y, sr = decode.load(args.track, start=args.start, duration=30.0)
    print(f"clip: {Path(args.track).name} {args.start:.0f}+30 s, {sr} Hz, {len(y)} samples")
    nfft = 1 << int(np.ceil(np.log2(len(y))))

    # warm-up: numba kernels compile (or load from cache) on first use
    rhythm.event_density(y[: sr * 2], sr)
    rhythm.tempo(y[: sr * 2], sr)
    attack.attack_time(y[: sr * 2], sr)

    base_wall, base_cpu = timed(lambda: np.fft.rfft(y, nfft), args.repeats)
    print(f"{'baseline rfft of the clip (2^' + str(nfft.bit_length() - 1) + ')':42s}"
          f" wall {base_wall * 1e3:7.1f} ms  cpu {base_cpu * 1e3:7.1f} ms")
    cases = [
        ("onset curve: Spectro power (100 ms)", lambda: onsets.spectro_power_envelope(y, sr)),
        ("onset curve: Spectro magnitude (30 ms)", lambda: onsets.spectro_magnitude_envelope(y, sr)),
        ("onset curve: Spectro magnitude, float64", lambda: onsets.spectro_magnitude_envelope(
            y, sr, precision="double")),
        ("onset curve: gammatone filter", lambda: onsets.filter_onset_curve(y, sr)),
        ("event_density", lambda: rhythm.event_density(y, sr)),
        ("pulse_clarity", lambda: rhythm.pulse_clarity(y, sr)),
        ("event density + pulse clarity, one envelope", lambda: (
            rhythm.event_density_of(env := onsets.spectro_power_envelope(y, sr)),
            rhythm.pulse_clarity_of(env))),
        ("tempo", lambda: rhythm.tempo(y, sr)),
        ("attack_time", lambda: attack.attack_time(y, sr)),
    ]
    before = ("attack_time with float64 FFTs (old path)",
              lambda: attack.attack_phases(y, sr, precision="double"))
    total_wall = total_cpu = 0.0
    for label, fn in cases:
        wall, cpu = timed(fn, args.repeats)
        if label in IN_TOTAL:
            total_wall += wall
            total_cpu += cpu
        print(f"{label:42s} wall {wall * 1e3:7.1f} ms  cpu {cpu * 1e3:7.1f} ms"
              f"  = {cpu / base_cpu:6.1f} x baseline cpu")
    wall, cpu = timed(before[1], args.repeats)
    print(f"{before[0]:42s} wall {wall * 1e3:7.1f} ms  cpu {cpu * 1e3:7.1f} ms"
          f"  = {cpu / base_cpu:6.1f} x baseline cpu  (not in the total)")
    print(f"{'four columns together':42s} wall {total_wall * 1e3:7.1f} ms  cpu {total_cpu * 1e3:7.1f} ms"
          f"  = {total_cpu / base_cpu:6.1f} x baseline cpu")
    if args.timeline:
        timeline_attack(args.track)


def timeline_attack(track: str) -> None:
    """Attack time over the on-grid windows of the whole track, per window alone and with
    the frame memo windows.py uses; the results must be identical."""
    y, sr = decode.load(track)
    spans = [s for s in plan_windows(len(y), sr) if s.on_grid]
    c0 = time.process_time()
    alone = [attack.attack_time(y[s.first:s.first + s.length], sr) for s in spans]
    c1 = time.process_time()
    memo = onsets.MagnitudeFrameMemo(sr)
    shared = []
    for s in spans:
        memo.forget_before(s.first)
        shared.append(attack.attack_time(y[s.first:s.first + s.length], sr, memo=memo, offset=s.first))
    c2 = time.process_time()
    same = np.array_equal(np.array(alone), np.array(shared), equal_nan=True)
    print(f"\nattack time over {len(spans)} windows of {Path(track).name}: cpu alone {c1 - c0:.2f} s, "
          f"with shared frames {c2 - c1:.2f} s ({memo.reused} frames reused); "
          f"{'identical' if same else 'DIFFERENT'} results")


if __name__ == "__main__":
    main()
