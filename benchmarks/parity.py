"""Parity of our MIRtoolbox port with MIRtoolbox 1.7.2 on the nine reference WAVs.

Prints, per column, the worst relative error over the files and which file it came from.
Usage: python benchmarks/parity.py [--columns mine|all] [reference dir]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.features.extract import RHYTHM_COLS, extract_file_features  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "reference"


def load_reference(csv_path: Path) -> dict[str, dict[str, float]]:
    rows = {}
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):
            name = Path(row["file"]).stem
            rows[name] = {c: (float(row[c]) if row[c] != "" else math.nan) for c in FEATURE_NAMES}
    return rows


def rel_error(ours: float, ref: float) -> float:
    if math.isnan(ref) or math.isnan(ours):
        return 0.0 if (math.isnan(ref) and math.isnan(ours)) else math.inf
    if ref == ours:
        return 0.0
    return abs(ours - ref) / max(abs(ref), 1e-12)


def audio_files(folder: Path) -> dict[str, Path]:
    files = {p.stem: p for p in sorted(folder.glob("*.flac"))}
    files.update({p.stem: p for p in sorted(folder.glob("*.wav"))})
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", default=str(FIXTURES),
                    help="folder with the reference audio and mirtoolbox_reference.csv")
    ap.add_argument("--columns", choices=("mine", "all"), default="all")
    args = ap.parse_args()
    folder = Path(args.folder)
    csv_path = folder / "mirtoolbox_reference.csv"
    if not csv_path.exists():
        csv_path = folder.parent / "mirtoolbox_reference.csv"
    ref = load_reference(csv_path)
    files = audio_files(folder if any(folder.glob("*.flac")) or any(folder.glob("*.wav")) else folder / "audio")
    cols = [c for c in FEATURE_NAMES if args.columns == "all" or c not in RHYTHM_COLS]
    worst = {c: (0.0, "", math.nan, math.nan) for c in cols}
    for name, path in files.items():
        if name not in ref:
            continue
        ours = extract_file_features(path)
        for c in cols:
            e = rel_error(ours[c], ref[name][c])
            if e > worst[c][0] or worst[c][1] == "":
                worst[c] = (e, name, ours[c], ref[name][c])
    print(f"{'column':45s} {'worst rel. err':>14s}  file (ours / MIRtoolbox)")
    for c in cols:
        e, name, o, r = worst[c]
        print(f"{c:45s} {e:14.3e}  {name} ({o:.9g} / {r:.9g})")
    bad = [c for c in cols if worst[c][0] > 1e-6]
    print(f"\ncolumns above 1e-6: {len(bad)}" + (f" ({', '.join(bad)})" if bad else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
