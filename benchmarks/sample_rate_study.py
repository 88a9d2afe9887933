"""Which sampling rate matches the training data? Our features on 30 s excerpts of the tracks
in ../shared/music at their native rate (44.1/48 kHz) and resampled to 22.05 kHz, compared
column by column with the distribution of the dataset (resources/data/Acoustic_Features.csv).

For each column: the dataset's median, IQR and 1-99 % range; for each rate our median and the
fraction of excerpts inside the dataset's 1-99 % range; and which rate's median lies closer
to the dataset's (in dataset IQR units). Usage:
    .venv/bin/python benchmarks/sample_rate_study.py [--music DIR] [--out results.csv]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.errors import AudioError  # noqa: E402
from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.features.extract import extract_features  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402

MUSIC = REPO.parent / "shared" / "music"
TARGET = 22050


def excerpt(path: Path) -> tuple[np.ndarray, int]:
    info = decode.probe(path)
    start = 30.0 if info.duration >= 60.0 else max(0.0, (info.duration - 30.0) / 2)
    return decode.load(path, start, min(30.0, info.duration))


def to_22k(y: np.ndarray, sr: int) -> np.ndarray:
    r = Fraction(TARGET, sr).limit_denominator(1000)
    return resample_poly(y, r.numerator, r.denominator)


def dataset_columns() -> dict[str, np.ndarray]:
    with open(TRAINING_CSV, newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {c: np.array([float(r[c]) for r in rows]) for c in FEATURE_NAMES}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--music", default=str(MUSIC))
    ap.add_argument("--out", default=None, help="also write every excerpt's features here (CSV)")
    args = ap.parse_args()
    tracks = sorted(p for p in Path(args.music).iterdir()
                    if p.suffix.lower() in decode.AUDIO_EXTENSIONS and "__60s-90s" not in p.name)
    native, resampled, names, rates = [], [], [], []
    for p in tracks:
        try:
            y, sr = excerpt(p)
        except AudioError as exc:
            print(f"skipped: {exc}")
            continue
        native.append(extract_features(y, sr))
        resampled.append(extract_features(to_22k(y, sr), TARGET))
        names.append(p.name)
        rates.append(sr)
        print(f"{p.name}: {sr} Hz", file=sys.stderr)
    data = dataset_columns()
    print(f"{len(names)} excerpts (rates: {sorted(set(rates))}) vs {len(next(iter(data.values())))} dataset rows\n")
    print(f"{'column':42s} {'data med':>9s} {'data IQR':>9s} | {'med nat':>9s} {'in% nat':>7s}"
          f" | {'med 22k':>9s} {'in% 22k':>7s} | closer")
    votes = {"native": 0, "22.05k": 0}
    for c in FEATURE_NAMES:
        d = data[c]
        lo, hi = np.percentile(d, [1, 99])
        q1, med, q3 = np.percentile(d, [25, 50, 75])
        iqr = q3 - q1 if q3 > q1 else 1.0
        vn = np.array([r[c] for r in native])
        vr = np.array([r[c] for r in resampled])
        if np.all(np.isnan(vn)) and np.all(np.isnan(vr)):
            continue

        def stats(v, lo=lo, hi=hi):
            v = v[~np.isnan(v)]
            return (np.median(v) if v.size else math.nan,
                    100 * np.mean((v >= lo) & (v <= hi)) if v.size else math.nan)

        mn, inn = stats(vn)
        mr, inr = stats(vr)
        dn, dr = abs(mn - med) / iqr, abs(mr - med) / iqr
        closer = "same" if abs(dn - dr) < 0.05 else ("native" if dn < dr else "22.05k")
        if closer in votes:
            votes[closer] += 1
        print(f"{c:42s} {med:9.4g} {iqr:9.4g} | {mn:9.4g} {inn:6.0f}% | {mr:9.4g} {inr:6.0f}% | {closer}")
    print(f"\ncolumns whose median is closer to the dataset's: {votes}")
    if args.out:
        with open(args.out, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "rate"] + list(FEATURE_NAMES))
            for n, sr, a, b in zip(names, rates, native, resampled):
                w.writerow([n, sr] + [a[c] for c in FEATURE_NAMES])
                w.writerow([n, TARGET] + [b[c] for c in FEATURE_NAMES])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
