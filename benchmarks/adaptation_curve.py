"""How fast does the model learn a user's music from their corrections? (issue 15)

    .venv/bin/python benchmarks/adaptation_curve.py [--folder ../shared/devset/emotify86]
        [--k 0,1,2,5] [--draws 20] [--weights auto,1,5,20] [--jobs 2] [--json FILE]

A simulated user corrects k clips per class of a labelled folder (LABELS.csv with file,label4;
default the dev set). Every window of a corrected clip becomes a correction row (as when the
whole track is corrected in the player), grouped by clip. The model is retrained on the training
CSV plus those rows, each counted with the correction weight (`auto`: chosen by the protocol of
tmer_desktop/model/adapt.py, from the corrections alone; a number: fixed, for comparison), and is
scored on the clips that were not corrected (clip probability = mean of its window
probabilities). Each k is repeated over --draws random draws of the corrected clips; printed:
mean macro-F1 with the 5th-95th percentile over draws, per-class F1 and the weights `auto` chose.
k = 0 is the shipped recipe without corrections, scored on all clips.

Files are analysed once through the app's own analysis (feature cache), in --jobs processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.model.data import CLASSES  # noqa: E402

DEVSET = REPO.parent / "shared" / "devset" / "emotify86"


def _scores(y: np.ndarray, probs: np.ndarray) -> tuple[float, np.ndarray]:
    from sklearn.metrics import f1_score

    per = f1_score(y, probs.argmax(axis=1), average=None, labels=list(range(len(CLASSES))), zero_division=0)
    return float(per.mean()), per


def _one_draw(bX, by, bg, mats, y, corrected, wname, config):
    """Retrain with the corrected clips' windows and score the other clips: (macro-F1, per class, weight)."""
    from tmer_desktop.model.adapt import choose_weight

    test = np.setdiff1d(np.arange(len(y)), corrected)
    cX = np.vstack([mats[i] for i in corrected])
    cy = np.concatenate([np.full(len(mats[i]), y[i]) for i in corrected])
    cg = np.concatenate([np.full(len(mats[i]), f"clip{i}") for i in corrected])
    w = choose_weight(bX, by, bg, cX, cy, cg, config=config).weight if wname == "auto" else float(wname)
    X = np.vstack([bX, cX])
    yy = np.concatenate([by, cy])
    groups = np.concatenate([bg.astype(str), cg])
    sw = np.concatenate([np.ones(len(by)), np.full(len(cy), w)])
    model = config.make().fit(X, yy, groups=groups, sample_weight=sw)
    probs = np.vstack([model.predict_proba(mats[i]).mean(axis=0) for i in test])
    f1, per = _scores(y[test], probs)
    return f1, per, w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", default=str(DEVSET))
    ap.add_argument("--k", default="0,1,2,5", help="corrected clips per class (comma list)")
    ap.add_argument("--draws", type=int, default=10)
    ap.add_argument("--weights", default="auto,1,10", help="correction weights: auto and/or numbers")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args()

    from joblib import Parallel, delayed

    from tmer_desktop.model.external import ExternalSetError, clip_features, read_labels
    from tmer_desktop.model.train import TrainingConfig, training_data

    try:
        clips = read_labels(args.folder)
    except ExternalSetError as exc:
        print(exc, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    analysed = clip_features(clips, jobs=args.jobs)
    keep = [i for i, (m, _) in enumerate(analysed) if m is not None and len(m)]
    mats = [analysed[i][0] for i in keep]
    y = np.array([clips[i].label for i in keep])
    print(f"{len(keep)} clips analysed in {time.perf_counter() - t0:.0f} s "
          f"({len(clips) - len(keep)} failed); per class: "
          + ", ".join(f"{c} {int((y == i).sum())}" for i, c in enumerate(CLASSES)), flush=True)

    base = training_data()
    bX, by, bg = base.X.to_numpy(), base.y, base.groups
    config = TrainingConfig()
    ks = [int(k) for k in args.k.split(",")]
    weights = [w.strip() for w in args.weights.split(",") if w.strip()]
    rng = np.random.default_rng(args.seed)
    rows = []

    def clip_probs(model, idx):
        return np.vstack([model.predict_proba(mats[i]).mean(axis=0) for i in idx])

    if 0 in ks:
        t = time.perf_counter()
        model = config.make().fit(bX, by, groups=bg)
        f1, per = _scores(y, clip_probs(model, range(len(y))))
        rows.append({"k": 0, "weight": "-", "macro_f1": f1, "low": f1, "high": f1, "per_class": per.tolist(),
                     "chosen": {}, "test_clips": int(len(y)), "seconds": time.perf_counter() - t})
        print(f"k=0: macro-F1 {f1:.3f}  per class {np.round(per, 2)}", flush=True)
    for k in (k for k in ks if k > 0):
        by_class = [np.flatnonzero(y == c) for c in range(len(CLASSES))]
        if any(len(ix) <= k for ix in by_class):
            print(f"k={k}: skipped, a class has no more than {k} clips", flush=True)
            continue
        draws = [np.concatenate([rng.choice(ix, k, replace=False) for ix in by_class]) for _ in range(args.draws)]
        for wname in weights:
            t = time.perf_counter()
            done = Parallel(n_jobs=args.jobs)(delayed(_one_draw)(bX, by, bg, mats, y, corrected, wname, config)
                                              for corrected in draws)
            f1s = [d[0] for d in done]
            pers = [d[1] for d in done]
            chosen = Counter(d[2] for d in done) if wname == "auto" else Counter()
            lo, hi = np.quantile(f1s, [0.05, 0.95])
            row = {"k": k, "weight": wname, "macro_f1": float(np.mean(f1s)), "low": float(lo), "high": float(hi),
                   "per_class": np.mean(pers, axis=0).tolist(),
                   "chosen": {f"{w:g}": n for w, n in sorted(chosen.items())},
                   "test_clips": int(len(y) - len(CLASSES) * k), "seconds": time.perf_counter() - t}
            rows.append(row)
            print(f"k={k} weight={wname}: macro-F1 {row['macro_f1']:.3f} (5-95 %: {lo:.3f}-{hi:.3f})  per class "
                  f"{np.round(row['per_class'], 2)}  chosen {row['chosen']}  {row['seconds']:.0f} s", flush=True)

    print("\n| corrected clips per class | weight | macro-F1 (mean over draws) | 5-95 % of draws | "
          + " | ".join(f"F1 {c}" for c in CLASSES) + " | weights chosen |")
    print("|---|---|---|---|" + "---|" * len(CLASSES) + "---|")
    for r in rows:
        print(f"| {r['k']} | {r['weight']} | {r['macro_f1']:.3f} | {r['low']:.3f}–{r['high']:.3f} | "
              + " | ".join(f"{v:.2f}" for v in r["per_class"]) + f" | {r['chosen'] or ''} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"folder": args.folder, "draws": args.draws, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
