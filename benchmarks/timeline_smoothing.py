"""Which smoothing makes the fine timeline readable without costing accuracy? (issue 19)

    .venv/bin/python benchmarks/timeline_smoothing.py [--music ../shared/music]
        [--devset ../shared/devset/emotify86] [--jobs 2] [--target 1.0] [--json FILE]

Every file is analysed through the app's own analysis (features/windows.analyse_file with the
feature cache, 30 s windows, 5 s hop; silent windows left out as the tagger does) and judged by
the bundled model. For each candidate of tmer_desktop/analysis/smoothing.py it prints, next to
the raw windows ("none", the baseline of the same run):

- label changes per minute of audio on the unlabelled music folder (pooled over the tracks, and
  the median track) and on the dev set, and the share of windows whose label the smoothing
  changed on the music;
- on the labelled dev set: macro-F1 of the windows (each window scored against its clip's
  label) and of the track decision (argmax of the mean window probability, as the app decides a
  track), with a 95 % bootstrap interval over clips and the paired difference to the raw windows.

The choice is made without the dev-set labels: among the candidates whose pooled changes per
minute on the music are at most --target, the one that changes the fewest window labels on the
music (readable with the least distortion). The dev set then checks that it costs no accuracy.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.analysis.smoothing import Smoother, changes_per_minute, smooth  # noqa: E402
from tmer_desktop.model.data import CLASSES  # noqa: E402

# ../shared beside the checkout (a worktree under /work/wt sits one level deeper)
SHARED = next((d for d in (REPO.parent / "shared", REPO.parent.parent / "shared") if d.is_dir()),
              REPO.parent / "shared")
HOP = 5.0
CANDIDATES = [Smoother("none")] + [Smoother("mean", span=s) for s in (10, 20, 30, 40, 60)] + [
    Smoother("median", span=s) for s in (10, 20, 30, 40, 60)] + [
    Smoother("hmm", stay=p) for p in (0.8, 0.9, 0.95, 0.98, 0.99)]


def _analyse(path: str):
    """(window starts, judged window features, duration) or None for a file that fails."""
    from tmer_desktop.features.columns import FEATURE_NAMES
    from tmer_desktop.features.prepare import SILENCE_RMS
    from tmer_desktop.features.windows import analyse_file
    from tmer_desktop.paths import configure_numba_cache

    configure_numba_cache()
    try:
        track = analyse_file(path, window=30.0, hop=HOP)
    except Exception as exc:  # a bad file is reported and left out
        logging.getLogger(__name__).warning("analysing %s failed", path, exc_info=True)
        return None, f"{path}: {exc}"
    m = np.array([[w.values[c] for c in FEATURE_NAMES] for w in track.windows], dtype=float)
    starts = np.array([w.start for w in track.windows], dtype=float)
    if not len(m):
        return None, f"{path}: no window"
    keep = m[:, FEATURE_NAMES.index("_RMSenergy_Mean")] >= SILENCE_RMS
    return (starts[keep], m[keep], float(track.duration)), None


def analyse(paths: list[Path], jobs: int) -> list:
    from joblib import Parallel, delayed

    out = []
    for result, problem in Parallel(n_jobs=jobs)(delayed(_analyse)(str(p)) for p in paths):
        if problem:
            print("  skipped:", problem, flush=True)
        out.append(result)
    return out


def macro_f1(y, pred) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, pred, average="macro", labels=list(range(len(CLASSES))), zero_division=0))


def paired_bootstrap(y, pred_a, pred_b, draws: int = 2000, seed: int = 0):
    """95 % intervals of macro-F1 of b and of (b − a), clips resampled with replacement."""
    rng = np.random.default_rng(seed)
    fb, diff = np.empty(draws), np.empty(draws)
    for k in range(draws):
        i = rng.integers(0, len(y), len(y))
        fb[k] = macro_f1(y[i], pred_b[i])
        diff[k] = fb[k] - macro_f1(y[i], pred_a[i])
    q = (0.025, 0.975)
    return tuple(np.quantile(fb, q)), tuple(np.quantile(diff, q))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--music", default=str(SHARED / "music"))
    ap.add_argument("--devset", default=str(SHARED / "devset" / "emotify86"))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--target", type=float, default=1.0, help="most label changes per minute on the music")
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args()

    from tmer_desktop.audio.decode import AUDIO_EXTENSIONS
    from tmer_desktop.model.bundle import load_model
    from tmer_desktop.model.external import ExternalSetError, read_labels

    music_paths = sorted(p for p in Path(args.music).iterdir() if p.suffix.lower() in AUDIO_EXTENSIONS)
    try:
        clips = read_labels(args.devset)
    except ExternalSetError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not music_paths:
        print(f"{args.music}: no audio files found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    music = [m for m in analyse(music_paths, args.jobs) if m is not None]
    dev_all = analyse([c.path for c in clips], args.jobs)
    dev = [(m, c.label) for m, c in zip(dev_all, clips) if m is not None]
    print(f"analysed {len(music)} music tracks ({sum(len(m[0]) for m in music)} windows) and {len(dev)} dev "
          f"clips ({sum(len(m[0]) for m, _ in dev)} windows) in {time.perf_counter() - t0:.0f} s", flush=True)
    model = load_model()
    music_p = [model.predict_proba(m) for _s, m, _d in music]
    dev_p = [model.predict_proba(m) for (_s, m, _d), _y in dev]
    y = np.array([label for _m, label in dev])
    y_win = np.concatenate([np.full(len(p), label) for p, label in zip(dev_p, y)])
    raw_track = np.array([p.mean(axis=0).argmax() for p in dev_p])

    rows = []
    header = (f"{'smoothing':<16} {'music ch/min':>12} {'median trk':>10} {'changed':>8} {'dev ch/min':>10} "
              f"{'win F1':>7} {'track F1':>8} {'95% CI':>13} {'Δ vs raw 95% CI':>17}")
    print(header)
    for sm in CANDIDATES:
        m_labels = [smooth(p, HOP, sm).argmax(axis=1) for p in music_p]
        m_rates = [changes_per_minute(lab, d) for lab, (_s, _m, d) in zip(m_labels, music)]
        pooled = sum(changes_per_minute(lab, d) * d for lab, (_s, _m, d) in zip(m_labels, music)) / sum(
            d for _s, _m, d in music)
        changed = float(np.mean(np.concatenate([lab != p.argmax(axis=1) for lab, p in zip(m_labels, music_p)])))
        d_sm = [smooth(p, HOP, sm) for p in dev_p]
        d_rate = sum(changes_per_minute(s.argmax(axis=1), d) * d for s, ((_s, _m, d), _y) in zip(d_sm, dev)) / sum(
            d for (_s, _m, d), _y in dev)
        win = np.concatenate([s.argmax(axis=1) for s in d_sm])
        track = np.array([s.mean(axis=0).argmax() for s in d_sm])
        f_win, f_track = macro_f1(y_win, win), macro_f1(y, track)
        ci, delta = paired_bootstrap(y, raw_track, track)
        rows.append({"smoothing": sm.name, "method": sm.method, "span": sm.span, "stay": sm.stay,
                     "music_changes_per_min": pooled, "music_median_track": float(np.median(m_rates)),
                     "music_windows_changed": changed, "dev_changes_per_min": d_rate, "dev_window_f1": f_win,
                     "dev_track_f1": f_track, "dev_track_f1_ci": ci, "dev_track_delta_ci": delta})
        print(f"{sm.name:<16} {pooled:>12.2f} {np.median(m_rates):>10.2f} {changed:>8.1%} {d_rate:>10.2f} "
              f"{f_win:>7.3f} {f_track:>8.3f} {ci[0]:>6.3f}–{ci[1]:.3f} {delta[0]:>+8.3f}–{delta[1]:+.3f}",
              flush=True)
    readable = [r for r in rows if r["music_changes_per_min"] <= args.target and r["method"] != "none"]
    if readable:
        best = min(readable, key=lambda r: r["music_windows_changed"])
        raw = rows[0]
        print(f"\nchosen (≤ {args.target:g} changes/min on the music, fewest window labels changed): "
              f"{best['smoothing']}: music {raw['music_changes_per_min']:.2f} → {best['music_changes_per_min']:.2f} "
              f"changes/min; dev window F1 {raw['dev_window_f1']:.3f} → {best['dev_window_f1']:.3f}, track F1 "
              f"{raw['dev_track_f1']:.3f} → {best['dev_track_f1']:.3f}")
    else:
        print(f"\nno candidate reaches {args.target:g} changes/min on the music")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
