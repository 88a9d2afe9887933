"""The two levels of analysis (docs/tagging.md): throughput of the coarse batch against the fine-only
batch every run made before (the baseline, measured in the same run), and how often their track
decisions agree, on real music. Printed as a table, each figure next to its goal (issue 16).

    PYTHONPATH=. .venv/bin/python benchmarks/analysis_levels.py [--corpus DIR ...] [--jobs 2]
                                                                [--limit N] [--no-librosa] [--coarse-only]

Per corpus (default: ../shared/music and ../shared/devset/emotify86, every audio file under it),
each batch in a fresh child process with an empty library and feature cache (numba's compile
cache warmed first and shared, as in benchmarks/batch_tagging.py, whose children these are):
  * coarse: `tmer tag --coarse`, 30 s windows one after another (hop = window);
  * fine: `tmer tag` from scratch (its default), 30 s windows every 5 s (what every batch made before);
  * librosa defaults (mfcc, chroma_stft, spectral_centroid, rms, zero_crossing_rate, beat tempo;
    benchmarks/features_speed.py) over the same audio in the coarse windows, with as many processes
    as --jobs: the figure users would compare with (unless --no-librosa).
Agreement: share of the tracks whose track-level emotion (and decision) is the same at both levels.
--coarse-only: the coarse batch alone (no fine batch, no agreement), e.g. to time two checkouts of the
feature code one after the other.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from batch_tagging import AUDIO_SUFFIXES, _child, _librosa_batch  # noqa: E402
from features_speed import cpu_name  # noqa: E402

# ../shared beside the checkout (or beside the folder of worktrees)
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
              REPO.parent / "shared")
DEFAULT_CORPORA = [SHARED / "music", SHARED / "devset" / "emotify86"]
GOAL_X_REALTIME = 100.0
GOAL_AGREEMENT = 0.95


def _files(corpus: Path, limit: int | None) -> list[str]:
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES)
    return files[:limit]


def _agreement(coarse: dict, fine: dict) -> tuple[int, int, int]:
    both = [p for p in coarse["labels"] if coarse["labels"][p][0] and fine["labels"].get(p, [None])[0]]
    same_label = sum(1 for p in both if coarse["labels"][p][0] == fine["labels"][p][0])
    same_decision = sum(1 for p in both if coarse["labels"][p][:2] == fine["labels"][p][:2])
    return len(both), same_label, same_decision


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="a folder of audio (repeatable)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files of each corpus")
    ap.add_argument("--no-librosa", action="store_true")
    ap.add_argument("--coarse-only", action="store_true", help="no fine batch and no agreement")
    args = ap.parse_args()
    corpora = [Path(c) for c in args.corpus] if args.corpus else DEFAULT_CORPORA
    missing = [c for c in corpora if not c.is_dir()]
    if missing:
        print(f"corpus folder not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    numba_dir = tempfile.mkdtemp(prefix="tmer-bench-numba-")
    first = _files(corpora[0], 1)
    print(f"warming numba's compile cache in {numba_dir} ...", file=sys.stderr)
    _child(first, 1, 30.0, 5.0, numba_dir, True)

    rows = []
    for corpus in corpora:
        files = _files(corpus, args.limit)
        print(f"{corpus.name}: {len(files)} files, coarse batch ...", file=sys.stderr)
        coarse = _child(files, args.jobs, 30.0, 5.0, numba_dir, False)
        fine = None
        if not args.coarse_only:
            print(f"{corpus.name}: fine batch (the baseline) ...", file=sys.stderr)
            fine = _child(files, args.jobs, 30.0, 5.0, numba_dir, True)
        lib = None
        if not args.no_librosa:
            print(f"{corpus.name}: librosa defaults ...", file=sys.stderr)
            lib = _librosa_batch(files, args.jobs)
        rows.append((corpus.name, coarse, fine, lib))

    print(f"\ntwo levels of analysis: {cpu_name()}, {os.cpu_count()} cores, {args.jobs} worker processes")
    print(f"load average before: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'corpus':<12} {'files':>5} {'audio min':>9} {'coarse x':>9} {'fine x':>7} {'coarse/fine':>11} "
          f"{'librosa x':>9} {'coarse/librosa':>14} {'same label':>13} {'same decision':>13} {'windows c/f':>11}")
    for name, coarse, fine, lib in rows:
        wins_c = sum(v[2] for v in coarse["labels"].values())
        lib_x = f"{lib['x_realtime']:.1f}" if lib else "-"
        lib_ratio = f"{coarse['x_realtime'] / lib['x_realtime']:.2f}" if lib else "-"
        if fine is None:
            print(f"{name:<12} {coarse['files']:>5} {coarse['audio_s'] / 60:>9.1f} {coarse['x_realtime']:>9.1f} "
                  f"{'-':>7} {'-':>11} {lib_x:>9} {lib_ratio:>14} {'-':>13} {'-':>13} {f'{wins_c}/-':>11}")
            if coarse["failed"]:
                print(f"  ({name}: {coarse['failed']} coarse failure(s) left out)")
            continue
        n, same_label, same_decision = _agreement(coarse, fine)
        wins_f = sum(v[2] for v in fine["labels"].values())
        print(f"{name:<12} {coarse['files']:>5} {coarse['audio_s'] / 60:>9.1f} {coarse['x_realtime']:>9.1f} "
              f"{fine['x_realtime']:>7.1f} {coarse['x_realtime'] / fine['x_realtime']:>11.2f} {lib_x:>9} "
              f"{lib_ratio:>14} {f'{same_label}/{n} {same_label / max(n, 1):.0%}':>13} "
              f"{f'{same_decision}/{n} {same_decision / max(n, 1):.0%}':>13} {f'{wins_c}/{wins_f}':>11}")
        if coarse["failed"] or fine["failed"]:
            print(f"  ({name}: {coarse['failed']} coarse and {fine['failed']} fine failure(s) left out)")
    print(f"goals (issue 16): coarse batch >= {GOAL_X_REALTIME:.0f}x real time on 2 cores; "
          f">= {GOAL_AGREEMENT:.0%} same label")
    print("x: audio seconds per wall second from an empty cache (x real time); coarse/fine: speed-up over the "
          "fine-only batch of the same run; same label/decision: track-level, coarse vs fine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
