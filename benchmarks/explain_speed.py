"""Explanation speed per window: the closed-form SHAP path used by the app against
shap.LinearExplainer (the library baseline) on the same model and rows, measured in one run.

Usage: python benchmarks/explain_speed.py [--windows 200]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from tmer_desktop.model.bundle import load_model
from tmer_desktop.model.explain import explain_windows, shap_values, shap_values_with_shap_library
from tmer_desktop.model.train import as_feature_matrix, drop_duplicate_rows, training_data


def per_call_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    start = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - start) / repeats * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", type=int, default=200)
    args = ap.parse_args()
    model = load_model()
    data = training_data()
    rows = data.X.to_numpy()[np.arange(args.windows) % len(data)]
    one = rows[:1]

    t0 = time.perf_counter()
    import shap  # noqa: F401  (the import cost the app avoids)

    import_s = time.perf_counter() - t0
    background, _, _ = drop_duplicate_rows(as_feature_matrix(data.X), data.y)

    ours_one = per_call_ms(lambda: explain_windows(model, one), 50)
    ours_batch = per_call_ms(lambda: explain_windows(model, rows), 3) / len(rows)
    shap_one = per_call_ms(lambda: shap_values_with_shap_library(model, one, background), 5)
    shap_batch = per_call_ms(lambda: shap_values_with_shap_library(model, rows, background), 3) / len(rows)
    predict_one = per_call_ms(lambda: model.predict_proba(one), 200)
    agree = np.abs(shap_values(model, rows[:20])[0] - shap_values_with_shap_library(model, rows[:20], background)).max()

    print(f"model {model.version}")
    print(f"{'path':44s} {'ms/window':>10s}")
    print(f"{'predict_proba, one window':44s} {predict_one:10.3f}")
    print(f"{'explain_windows (closed form + reason), one':44s} {ours_one:10.3f}")
    print(f"{'explain_windows, batch of ' + str(len(rows)):44s} {ours_batch:10.3f}")
    print(f"{'shap.LinearExplainer baseline, one window':44s} {shap_one:10.3f}")
    print(f"{'shap.LinearExplainer baseline, batch':44s} {shap_batch:10.3f}")
    print(f"app path vs shap baseline (the baseline builds its explainer per call and gives no reason text): "
          f"one window {shap_one / ours_one:.1f}x, batch {shap_batch / ours_batch:.1f}x; "
          f"`import shap` avoided: {import_s:.1f} s; max |SHAP difference| {agree:.2e}")


if __name__ == "__main__":
    main()
